package org.flatracoon.netstack.app.generate;

import java.util.List;

/**
 * One group of groups.yml.
 *
 * @param line the line of the group in its file (for messages); 0 for synthetic groups
 */
public record Group(String name, long gid, List<String> members, int line) {
    public Group {
        members = List.copyOf(members);
    }
}
