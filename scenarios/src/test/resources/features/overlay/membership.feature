@overlay
Feature: Only the members an operator authorises are in the overlay
  Kubernetes nodes on different networks become one cluster network only when the operator says
  so. A node that asks to join waits until it is authorised, then gets its overlay addresses from
  the controller and reaches the other members over IPv4 and IPv6. A machine nobody authorised
  reaches nothing, and a member that is deauthorised is cut off, as on a ZeroTier network.

  Background:
    Given the "overlay-k8s" lab is running

  Scenario: authorised members reach each other over their IPv4 and IPv6 overlay addresses
    Given k8s-1 and k8s-2 are waiting for authorisation
    When the operator authorises k8s-1 and k8s-2
    Then k8s-1 and k8s-2 get overlay addresses within the overlay join budget
    And k8s-1 reaches k8s-2 over the overlay
    And k8s-1 reaches k8s-2 over the overlay by IPv6
    And k8s-2 reaches k8s-1 over the overlay

  Scenario: a machine nobody authorised gets no address and reaches no member
    Given k8s-1 and k8s-2 are authorised members that reach each other over the overlay
    When stranger tries to reach k8s-1 and k8s-2 over the overlay
    Then stranger reaches none of them
    And the controller lists stranger as a member that is not authorised
    And stranger has no overlay address
    And neither k8s-1 nor k8s-2 has stranger as a peer

  Scenario: a deauthorised member is cut off while the others keep talking
    Given k8s-1, k8s-2 and k8s-3 are authorised members that reach each other over the overlay
    When the operator deauthorises k8s-3
    Then k8s-1 no longer reaches k8s-3 over the overlay within the overlay deauthorisation budget
    And k8s-3 no longer reaches k8s-2 over the overlay within the overlay deauthorisation budget
    And k8s-1 still reaches k8s-2 over the overlay
