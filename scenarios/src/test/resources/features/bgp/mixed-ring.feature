@bgp
Feature: Our speaker, BIRD and FRR route for each other in a ring
  Our BGP speaker has to interoperate with the routers people actually run. In a ring of three
  autonomous systems, each held by one implementation, every pair must establish sessions over
  IPv4 and IPv6, agree on AS paths, and route around a lost link.

  Background:
    Given the "bgp-ring" lab is running

  Scenario Outline: <a> and <b> establish sessions over IPv4 and IPv6
    When every BGP session in the lab is established
    Then <a> has an established IPv4 session with <b>
    And <a> has an established IPv6 session with <b>
    And <b> has an established IPv4 session with <a>
    And <b> has an established IPv6 session with <a>

    Examples:
      | a    | b    |
      | ours | bird |
      | bird | frr  |
      | frr  | ours |

  Scenario: prefixes cross every implementation with the AS path they took
    When every BGP session in the lab is established
    Then frr learns 203.0.113.224/29 from ours with AS path "65201"
    And frr learns 203.0.113.224/29 from bird with AS path "65202 65201"
    And bird learns 2001:db8:b7:3::/64 from frr with AS path "65203"
    And bird learns 2001:db8:b7:3::/64 from ours with AS path "65201 65203"
    And ours learns 203.0.113.232/29 from bird with AS path "65202"
    And ours learns 2001:db8:b7:2::/64 from frr with AS path "65203 65202"

  Scenario: hosts behind our speaker and behind FRR reach each other
    When every BGP session in the lab is established
    Then host h1 can reach host h2 over IPv4
    And host h1 can reach host h2 over IPv6

  @faults
  Scenario: our speaker reaches FRR's networks through BIRD when the ours–frr link goes down
    Given every BGP session in the lab is established
    And ours reaches 203.0.113.72/29 via frr
    When the link between ours and frr goes down
    Then ours reaches 203.0.113.72/29 via bird within the BGP convergence budget
    And ours reaches 2001:db8:b6:a3::/64 via bird within the BGP convergence budget
    And host h1 can still reach host h2 over IPv4

  @faults
  Scenario: our speaker detects a link that silently drops traffic by the hold timer
    Given every BGP session in the lab is established
    And ours reaches 203.0.113.72/29 via frr
    When the link between ours and frr silently drops all traffic
    Then ours reaches 203.0.113.72/29 via bird within the BGP hold-time budget
    And host h1 can still reach host h2 over IPv4
