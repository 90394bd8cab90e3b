package org.flatracoon.lab.topology;

import java.util.List;

/** A resolved link plus where it and each of its addresses are written, for the address checks. */
record PlacedLink(LinkSpec spec, int line, List<AddressUse> addresses) {

    /** One address on one endpoint, with the line it is written on. */
    record AddressUse(Endpoint endpoint, InterfaceAddress address, int line) {
    }
}
