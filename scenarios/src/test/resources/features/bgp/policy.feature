@bgp
Feature: Routing policy decides which routes are used and passed on
  Policy is what a backbone is tested for before production: local preference chooses the exit
  whatever the AS path length says, and a router limits how many prefixes a neighbour may send.

  Background:
    Given the "bgp-triangle" lab is running
    And every BGP session in the lab is established

  Scenario: local preference steers r1's exit to r2's second network through r3
    When r1 learns 203.0.113.248/29 from r2 with AS path "65002"
    Then r1 reaches 203.0.113.248/29 via r3
    And r1 reaches 203.0.113.232/29 via r2

  Scenario: a neighbour that sends more prefixes than allowed has its session closed
    When r1 announces 4 more IPv4 prefixes
    Then r2 closes its IPv4 session with r1 because r1 sent more prefixes than allowed
    And r2 keeps its IPv6 session with r1
    And r2 keeps its IPv4 session with r3
