@bgp
Feature: Route reflector clients learn each other's routes
  Inside one AS, iBGP routes are not passed on between iBGP peers; without a full mesh, a route
  reflector must hand each client the routes of the others (RFC 4456), or the clients stay blind
  to each other.

  Background:
    Given the "bgp-rr" lab is running
    And every BGP session in the lab is established

  Scenario: an FRR client learns the networks of a BIRD client and of our speaker
    When c1 learns 203.0.113.232/29 from rr within its own AS
    Then c1 learns 203.0.113.240/29 from rr within its own AS
    And c1 reaches 203.0.113.240/29 via rr

  Scenario: a BIRD client learns the networks of an FRR client and of our speaker
    When c2 learns 203.0.113.224/29 from rr within its own AS
    Then c2 learns 203.0.113.240/29 from rr within its own AS
    And c2 reaches 203.0.113.224/29 via rr

  Scenario: our speaker as a client learns the networks of the FRR and BIRD clients
    When c3 learns 203.0.113.224/29 from rr within its own AS
    Then c3 learns 203.0.113.232/29 from rr within its own AS
    And c3 reaches 203.0.113.232/29 via rr
