@hesiod @transfers
Feature: Our Hesiod server can be the secondary of a BIND primary
  A site whose Hesiod data is mastered in BIND can still run our server next to it: ours copies
  the zone from BIND by signed zone transfer and answers Debian's Hesiod client in class IN.

  Background:
    Given the "hesiod-bind-primary" lab is running

  Scenario: a workstation resolves accounts through our secondary
    Given our server holds a copy of the zone
    When ws4 looks up the account "bob"
    Then the account has uid 1002, gid 1002, home "/home/bob" and shell "/bin/zsh"
