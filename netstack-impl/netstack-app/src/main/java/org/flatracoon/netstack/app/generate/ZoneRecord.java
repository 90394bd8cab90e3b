package org.flatracoon.netstack.app.generate;

/**
 * One record of the generated zone, owner relative to the origin.
 *
 * @param section the map order in the file (passwd, uid, group, gid, grplist, filsys, pobox)
 * @param sortKey  order inside the section: numeric keys sort as numbers
 * @param type     {@code TXT} or {@code CNAME}
 * @param data     the TXT payload (unquoted), or the CNAME target (relative)
 */
public record ZoneRecord(int section, Comparable<?> sortKey, String owner, String type, String data) {
}
