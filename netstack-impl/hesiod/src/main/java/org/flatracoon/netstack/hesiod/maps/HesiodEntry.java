package org.flatracoon.netstack.hesiod.maps;

/**
 * One parsed Hesiod TXT payload. Every implementation validates its fields on construction, so
 * {@code parse(format(x))} always gives back {@code x}.
 */
public sealed interface HesiodEntry
        permits PasswdEntry, GroupEntry, GrplistEntry, FilsysEntry, PoboxEntry, ServiceEntry, FreeText {

    /** The TXT payload as a Hesiod client expects it. */
    String format();
}
