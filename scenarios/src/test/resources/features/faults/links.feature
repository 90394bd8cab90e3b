@faults
Feature: A link fails the ways real links fail
  Reproducing a network bug means breaking a link on purpose the way it broke for real. A cut
  cable (carrier loss) is seen by both ends at once; a link that silently eats traffic is only
  found by timers; a lossy or slow link degrades instead of failing. Protocols react to each
  differently, so each is a fault of its own, and each must be undone completely.

  Background:
    Given the "faults-line" lab is running

  Scenario: a link whose carrier is lost takes both its interfaces down
    When the link between a and b goes down
    Then a no longer reaches b within the link change budget
    And both interfaces of the link between a and b are down

  Scenario: a link that silently drops all traffic keeps both its interfaces up
    When the link between a and b silently drops all traffic
    Then a no longer reaches b within the link change budget
    And both interfaces of the link between a and b are up

  Scenario: a link that stops dropping traffic carries it again
    Given the link between a and b silently drops all traffic
    When the link between a and b is repaired
    Then a reaches b again within the link change budget

  Scenario: a link that loses a fifth of what a sends loses about a fifth of a's pings
    When the link between a and b loses 20% of the packets a sends
    Then about 20% of 400 rapid pings from a to b go unanswered

  Scenario: loss in one direction leaves the other direction whole
    When the link between a and b loses 20% of the packets a sends
    Then about 20% of the datagrams a sends to b are lost
    And none of the datagrams b sends to a are lost

  Scenario: a rate-limited link carries no more than its rate
    When the link between a and b is limited to 10 Mbit/s
    Then a sends to b at about 10 Mbit/s

  Scenario: a delayed link adds its delay to every round trip
    When the link between a and b delays packets by 100 ms with 10 ms of jitter
    Then a's round trips to b take at least 100 ms
