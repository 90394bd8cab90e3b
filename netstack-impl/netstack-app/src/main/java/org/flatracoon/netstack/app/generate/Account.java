package org.flatracoon.netstack.app.generate;

import java.util.List;

/**
 * One account of accounts.yml. {@code filsys} and {@code pobox} are null when absent.
 *
 * @param line the line of the account in its file (for messages); 0 for synthetic accounts
 */
public record Account(String name, long uid, long gid, String gecos, String home, String shell, List<String> groups,
                      String filsys, String pobox, int line) {
    public Account {
        groups = List.copyOf(groups);
    }
}
