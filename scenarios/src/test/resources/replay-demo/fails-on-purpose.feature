@replay-demo
Feature: A scenario that fails on purpose, to prove a failure can be replayed
  Not part of the suite (it lives outside features/): ReplayDemoTest runs it, expects it to
  fail and to leave a replay bundle, and replays that bundle to see the same failure again.

  Scenario: b reaches a although a was cut off (fails on purpose)
    Given the "faults-line" lab is running
    And the link between a and b loses 30% of the packets a sends
    When a is cut off from the rest of the lab
    Then b still reaches a
