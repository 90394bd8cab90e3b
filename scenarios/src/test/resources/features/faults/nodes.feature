@faults
Feature: A node can crash, stop, reboot or freeze
  A peer that crashes, shuts down cleanly, reboots or hangs shows differently on the wire: a
  stopped node is gone, a frozen one still has a kernel that answers pings but no process that
  answers anything else. Each is a fault of its own.

  Background:
    Given the "faults-line" lab is running

  Scenario: a killed node no longer answers
    When b is killed
    Then a no longer reaches b within the node change budget

  Scenario: a stopped node no longer answers
    When b is stopped
    Then a no longer reaches b within the node change budget

  Scenario: a stopped node that is started again answers again
    Given b was stopped
    When b is started again
    Then a reaches b again within the node change budget

  Scenario: a restarted node answers again
    When b is restarted
    Then a reaches b again within the node change budget

  Scenario: a frozen node's services stop answering although its kernel still answers pings
    When b is frozen
    Then b's web page no longer answers a within the node change budget
    And a still reaches b

  Scenario: a node that thaws answers again
    Given b was frozen
    When b thaws
    Then b's web page answers a again within the node change budget

  Scenario: a link fault stays in force when a node on it restarts
    Given the link between a and b silently drops all traffic
    When b is restarted
    Then a still does not reach b
