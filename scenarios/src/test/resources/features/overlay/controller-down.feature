@overlay @faults
Feature: Members keep talking while the controller is down
  The controller authorises members and hands out their configs, but it does not carry their
  traffic: a cluster must not stop when the controller does. Members keep their last valid config.

  Background:
    Given the "overlay-k8s" lab is running

  Scenario: members that hold a config keep talking after the controller crashed
    Given k8s-1 and k8s-2 are authorised members that reach each other directly
    When the controller crashes
    Then k8s-1 and k8s-2 notice the controller is unreachable within the overlay controller loss budget
    And k8s-1 still reaches k8s-2 over the overlay
    And k8s-2 still reaches k8s-1 over the overlay by IPv6
