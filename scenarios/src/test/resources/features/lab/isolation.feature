@lab
Feature: Lab networks are isolated
  Every link of a lab is a network of its own. A node reaches the nodes it shares a link with and
  nothing else: no traffic leaves the lab, and none takes a shortcut through the machine that
  runs it, even when a node routes towards it.

  Background:
    Given the "isolation" lab is running

  Scenario: nodes that share a link reach each other
    When a pings b
    Then b answers

  Scenario: nodes that share no link cannot reach each other through the host
    When a pings c
    Then no reply arrives

  Scenario: nodes that share no link cannot reach each other over IPv6 either
    When a pings c over IPv6
    Then no reply arrives

  Scenario: nodes that share a link reach each other over IPv6
    When a pings b over IPv6
    Then b answers

  Scenario: a link that goes down cuts its two nodes apart
    When the link between a and b goes down
    Then a no longer reaches b within the link change budget

  Scenario: a link that comes back reconnects its two nodes
    Given the link between a and b went down
    When the link between a and b comes back up
    Then a reaches b again within the link change budget
