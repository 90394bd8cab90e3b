@hesiod
Feature: Workstations resolve accounts through Hesiod
  Workstations of the stack learn accounts, groups, home directories and mail drops from the
  Hesiod naming service, through the ordinary Hesiod client of their operating system. What that
  unmodified client reports is what a user of the workstation gets.

  Background:
    Given the "hesiod-basic" lab is running

  Scenario: a published account is resolved by name
    When ws1 looks up the account "alice"
    Then the account has uid 1001, gid 1001, home "/home/alice" and shell "/bin/bash"

  Scenario: a published account is resolved by uid
    When ws1 looks up the account with uid 1002
    Then the account is "bob" with home "/home/bob" and shell "/bin/zsh"

  Scenario: group membership is resolved
    When ws1 looks up the group "netops"
    Then the group has gid 2001 and the members alice, bob

  Scenario: a group is resolved by gid
    When ws1 looks up the group with gid 2001
    Then the group is "netops" with the members alice, bob

  Scenario: an account's home directory is found
    When ws1 looks up the file system of "alice"
    Then it is an NFS export "/export/home/alice" from "fs1.example.org" mounted at "/home/alice"

  Scenario: an account's mail drop is found
    When ws1 looks up the mail drop of "bob"
    Then mail for bob is collected by POP from "mail.example.org" as "bob"

  Scenario: an unknown account is reported as not found
    When ws1 looks up the account "mallory"
    Then the workstation reports that the name is not found
