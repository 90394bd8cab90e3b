@bgp
Feature: A spine carries the edge networks of its leaves
  The stack's backbone: a spine and two leaves, each leaf with an edge network behind it, one
  private AS each. Edge networks reach each other over IPv4 and IPv6 through the spine, and a
  route its owner tagged "keep inside the backbone" does not leave it.

  Background:
    Given the "bgp-backbone" lab is running
    And every BGP session in the lab is established

  Scenario: a leaf learns the other leaf's networks through the spine
    When leaf2 learns 203.0.113.64/29 from spine with AS path "65000 65101"
    Then leaf2 learns 2001:db8:b6:a1::/64 from spine with AS path "65000 65101"
    And leaf2 reaches 203.0.113.64/29 via spine
    And leaf2 reaches 2001:db8:b7:11::/64 via spine

  Scenario: hosts on the edge networks of both leaves reach each other
    When leaf1 learns 203.0.113.72/29 from spine with AS path "65000 65102"
    Then host h1 can reach host h2 over IPv4
    And host h1 can reach host h2 over IPv6

  Scenario: a route tagged to stay inside the backbone is not passed on at the edge
    When leaf2 learns 203.0.113.224/29 from spine with AS path "65000 65101"
    Then spine holds 203.0.113.232/29 tagged with community "65000:666"
    And leaf2 has no route to 203.0.113.232/29
