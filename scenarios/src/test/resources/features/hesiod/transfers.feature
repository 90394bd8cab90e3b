@hesiod @transfers
Feature: A BIND secondary follows our Hesiod primary, and only the keyholder changes it
  Sites run several name servers. Debian's BIND 9, as a secondary, copies the Hesiod zone from
  our primary by zone transfer and is told of every change. Accounts change through signed
  dynamic updates; nobody without the key may change or copy the zone, and a change the
  primary acknowledged survives its crash.

  Background:
    Given the "hesiod-transfer" lab is running
    And the secondary holds a copy of the zone

  Scenario: the secondary serves the primary's accounts
    When ws2 looks up the account "alice"
    Then the account has uid 1001, gid 1001, home "/home/alice" and shell "/bin/bash"

  Scenario: an account added on the primary reaches the workstations of the secondary
    When the administrator adds the account "carol" with uid 1003, gid 1001, home "/home/carol" and shell "/bin/bash"
    Then ws2 sees the account "carol" within the zone transfer budget
    And the secondary serves "carol" in class HS too within the zone transfer budget

  Scenario: an update without the key is refused and changes nothing
    When mallory tries to add the account "eve" without the key
    Then the update is refused
    And the primary has no account "eve"

  Scenario: a copy of the zone is refused to an address that may not transfer it
    When mallory asks the primary for a copy of the zone
    Then the transfer is refused

  Scenario: a copy of the zone is refused without the transfer key
    When the secondary's host asks the primary for a copy of the zone without the key
    Then the transfer is refused

  Scenario: the keyholder gets a signed copy of the zone that BIND's dig verifies
    When the secondary's host asks the primary for a copy of the zone with the transfer key
    Then the copy holds every account and its signature verifies

  Scenario: a copy asked with a wrong key is refused as a bad signature
    When the secondary's host asks the primary for a copy of the zone with a wrong key
    Then the transfer is refused as a bad signature

  Scenario: every acknowledged update survives a crash of the primary
    Given the administrator is adding accounts one after another
    When the primary is killed in the middle of the updates and started again
    Then every account the primary acknowledged is still served by it
