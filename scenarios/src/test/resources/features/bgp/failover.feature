@bgp @faults
Feature: The backbone routes around a failed link
  Three autonomous systems form a triangle (FRR, BIRD, FRR). When a direct link fails, traffic
  must take the path through the third AS, and come back when the link returns. A link that
  fails without losing carrier is only found out by the hold timer.

  Background:
    Given the "bgp-triangle" lab is running
    And every BGP session in the lab is established

  Scenario: r1 reaches r2's networks through r3 when the r1–r2 link goes down
    Given r1 reaches 203.0.113.232/29 via r2
    When the link between r1 and r2 goes down
    Then r1 reaches 203.0.113.232/29 via r3 within the BGP convergence budget
    And r1 reaches 2001:db8:b7:2::/64 via r3 within the BGP convergence budget
    And host h1 can still reach host h2 over IPv4
    And host h1 can still reach host h2 over IPv6

  Scenario: traffic returns to the direct link when it comes back
    Given the link between r1 and r2 went down
    And r1 reaches 203.0.113.232/29 via r3
    When the link between r1 and r2 comes back up
    Then r1 reaches 203.0.113.232/29 via r2 within the BGP convergence budget
    And r1 reaches 2001:db8:b7:2::/64 via r2 within the BGP convergence budget

  Scenario: a link that silently drops traffic is detected by the hold timer
    Given r1 reaches 203.0.113.232/29 via r2
    When the link between r1 and r2 silently drops all traffic
    Then r1 reaches 203.0.113.232/29 via r3 within the BGP hold-time budget
    And host h1 can still reach host h2 over IPv4

