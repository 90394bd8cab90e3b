@overlay @faults
Feature: Members talk through the relay when their direct path is blocked
  Members send to each other directly over the underlay. Where a firewall between two nodes
  silently drops their traffic, they must keep talking through the relay while both still reach
  it, and go back to the direct path once it passes again.

  Background:
    Given the "overlay-k8s" lab is running

  Scenario: a blocked direct path moves the members to the relay
    Given k8s-1 and k8s-2 are authorised members that reach each other directly
    When the underlay silently drops the traffic between k8s-1 and k8s-2
    Then k8s-1 reaches k8s-2 through the relay within the overlay path change budget
    And k8s-1 reaches k8s-2 over the overlay
    And k8s-2 reaches k8s-1 over the overlay by IPv6

  Scenario: the members return to the direct path when it passes again
    Given k8s-1 and k8s-2 are authorised members that reach each other directly
    And the underlay dropped the traffic between k8s-1 and k8s-2 until they talked through the relay
    When the underlay lets the traffic between k8s-1 and k8s-2 pass again
    Then k8s-1 reaches k8s-2 directly within the overlay path change budget
    And k8s-1 reaches k8s-2 over the overlay
