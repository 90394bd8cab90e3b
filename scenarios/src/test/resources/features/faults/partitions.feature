@faults
Feature: Part of the lab can be cut off from the rest
  A network partition is the fault distributed software gets wrong most: some nodes keep
  talking among themselves while they cannot reach the others, then the network heals and both
  sides must find each other again.

  Background:
    Given the "faults-line" lab is running

  Scenario: a node cut off from the rest cannot be reached, while the rest still talk
    When a is cut off from the rest of the lab
    Then b no longer reaches a within the link change budget
    And b still reaches c

  Scenario: a healed partition lets traffic through again
    Given a was cut off from the rest of the lab
    When the partition heals
    Then b reaches a again within the link change budget
