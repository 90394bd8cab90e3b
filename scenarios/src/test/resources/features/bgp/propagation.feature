@bgp
Feature: Prefixes propagate between autonomous systems with the path they took
  Every AS a route crosses is written into its AS path: that is how routers choose the shorter
  path and refuse loops. BIRD and FRR must agree on it, for IPv4 and for IPv6.

  Background:
    Given the "bgp-triangle" lab is running

  Scenario: FRR and BIRD establish sessions with each other over IPv4 and IPv6
    When every BGP session in the lab is established
    Then r1 has an established IPv4 session with r2
    And r1 has an established IPv6 session with r2
    And r2 has an established IPv4 session with r3
    And r2 has an established IPv6 session with r3
    And r1 has an established IPv4 session with r3
    And r1 has an established IPv6 session with r3

  Scenario: r3 learns h1's network from r1 directly and through r2
    When every BGP session in the lab is established
    Then r3 learns 203.0.113.64/29 from r1 with AS path "65001"
    And r3 learns 203.0.113.64/29 from r2 with AS path "65002 65001"
    And r3 learns 2001:db8:b6:a1::/64 from r1 with AS path "65001"
    And r3 learns 2001:db8:b6:a1::/64 from r2 with AS path "65002 65001"

  Scenario: hosts behind different autonomous systems reach each other
    When every BGP session in the lab is established
    Then host h1 can reach host h2 over IPv4
    And host h1 can reach host h2 over IPv6
