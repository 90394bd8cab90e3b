@sample
Feature: Sample lab behaviour
  A stand-in for a real lab feature: the steps only attach and log, nothing talks to Docker.

  Scenario: A peer answers
    Given a peer that answers "pong"
    When the lab pings it
    Then the answer is "pong"

  @flaky
  Scenario: A peer stays silent
    Given a peer that answers "nothing"
    When the lab pings it
    Then the answer is "pong"

  Scenario Outline: Address families
    Given the address <address>
    Then it is accepted

    Examples:
      | address     |
      | 192.0.2.1   |
      | 2001:db8::1 |
