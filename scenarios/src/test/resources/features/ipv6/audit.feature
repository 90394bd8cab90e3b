@ipv6 @audit
Feature: The site audit proves the site is IPv6-only
  An IPv6-only site is only as IPv6-only as its least careful node. The audit asks every node of
  the site for IPv4 addresses, routes and listening sockets, and names the nodes that have any.

  Background:
    Given the "ipv6-site" lab is running

  Scenario: the site as built is IPv6-only
    When the site is audited
    Then every node of the site is IPv6-only

  Scenario: the audit flags a node that was given an IPv4 address
    Given host2 has been given the IPv4 address 203.0.113.190/29
    When the site is audited
    Then the audit finds host2 not IPv6-only, with the address 203.0.113.190/29
    And every other node of the site is IPv6-only
