@overlay
Feature: Recorded or altered overlay packets are dropped and counted
  Members' traffic crosses underlays that others can see. An attacker on the path must learn
  nothing from a recorded packet and must not be able to use it: with a byte changed it fails
  authentication, and a second copy of it is a replay. Both are dropped and counted (an operator
  sees them on /metrics), and the members go on talking.

  Background:
    Given the "overlay-k8s" lab is running

  Scenario: a replayed packet and an altered one are dropped and counted
    Given k8s-1 and k8s-2 are authorised members that reach each other over the overlay
    And an attacker on the underlay recorded a packet from k8s-1 to k8s-2 carrying a ping
    When the attacker delivers the recorded packet to k8s-2 with one byte changed, then unchanged twice
    Then k8s-2 counts the altered packet as failing authentication and the second copy as a replay
    And the recorded packet does not show what the ping carried
    And k8s-1 still reaches k8s-2 over the overlay
