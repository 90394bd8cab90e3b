package org.flatracoon.netstack.app.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A large, deterministic set of accounts for benchmarks: {@code user000001…}, uid 100000+i, primary group
 * {@code users} (gid 100); every account is in one team of 50 ({@code team00001…}, gid 200000+t), and the first
 * member of each team is also in one of the {@code leads} groups (50 leads each, {@code leads0001…},
 * gid 300000+l). Each account has an NFS filsys on one of 16 file servers and a POP pobox on one of 4 mail hosts.
 */
public final class SyntheticAccounts {
    public static final int TEAM_SIZE = 50;
    public static final int MAX_ACCOUNTS = 999_999;

    private SyntheticAccounts() {
    }

    public static HesiodSource create(int count) {
        if (count < 1 || count > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("synthetic account count must be 1.." + MAX_ACCOUNTS);
        }
        List<Account> accounts = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String name = String.format("user%06d", i);
            int team = (i - 1) / TEAM_SIZE + 1;
            List<String> groups = new ArrayList<>(2);
            groups.add(teamName(team));
            if ((i - 1) % TEAM_SIZE == 0) {
                groups.add(leadsName((team - 1) / TEAM_SIZE + 1));
            }
            accounts.add(new Account(name, 100_000L + i, 100, "Synthetic User " + i, "/home/" + name, "/bin/bash",
                    groups, "NFS /export/home/" + name + " fs" + (i % 16 + 1) + ".example.org w /home/" + name,
                    "POP mail" + (i % 4 + 1) + ".example.org " + name, 0));
        }
        int teams = (count - 1) / TEAM_SIZE + 1;
        int leads = (teams - 1) / TEAM_SIZE + 1;
        List<Group> groups = new ArrayList<>(teams + leads + 1);
        groups.add(new Group("users", 100, List.of(), 0));
        for (int t = 1; t <= teams; t++) {
            groups.add(new Group(teamName(t), 200_000L + t, List.of(), 0));
        }
        for (int l = 1; l <= leads; l++) {
            groups.add(new Group(leadsName(l), 300_000L + l, List.of(), 0));
        }
        return new HesiodSource(accounts, groups, "synthetic accounts", "synthetic groups");
    }

    private static String teamName(int team) {
        return String.format("team%05d", team);
    }

    private static String leadsName(int lead) {
        return String.format("leads%04d", lead);
    }
}
