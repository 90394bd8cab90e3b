@hesiod
Feature: The Hesiod server survives hostile input
  A name server on a shared network receives garbage: truncated headers, oversized packets,
  compression loops, random bytes. It must neither crash nor stop answering the workstations
  that depend on it.

  Background:
    Given the "hesiod-basic" lab is running

  Scenario: the server keeps answering after a burst of malformed packets
    When mallory sends 2000 malformed DNS packets to the Hesiod server
    Then ws1 can still look up the account "alice"
    And the Hesiod server counted the malformed packets
