package org.flatracoon.netstack.app.generate;

import java.util.List;
import java.util.Set;

/**
 * The accounts and groups to publish, and the files they came from (for messages).
 *
 * @param brokenNames names of accounts and groups that were left out because of problems already reported; references
 *                    to them are not reported again
 */
public record HesiodSource(List<Account> accounts, List<Group> groups, String accountsFile, String groupsFile,
                           Set<String> brokenNames) {
    public HesiodSource {
        accounts = List.copyOf(accounts);
        groups = List.copyOf(groups);
        brokenNames = Set.copyOf(brokenNames);
    }

    public HesiodSource(List<Account> accounts, List<Group> groups, String accountsFile, String groupsFile) {
        this(accounts, groups, accountsFile, groupsFile, Set.of());
    }
}
