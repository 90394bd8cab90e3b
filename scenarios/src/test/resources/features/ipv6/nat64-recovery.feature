@ipv6 @nat64 @faults
Feature: The NAT64 recovers by itself
  When the translator dies, IPv6-only hosts lose every IPv4 service at once. The border's
  enforcer starts Tayga again and keeps its address map, so new connections work again soon,
  without an operator.

  Background:
    Given the "ipv6-site" lab is running
    And host1 has fetched "http://legacy.example.com/" through NAT64

  Scenario: new connections work again after Tayga dies
    When Tayga on the border dies
    Then host1 fetches "http://legacy.example.com/" again within the NAT64 recovery budget
    And the border reports that it restarted Tayga

  Scenario: new connections work again after the border restarts
    When the border restarts
    Then host1 fetches "http://legacy.example.com/" again within the NAT64 recovery budget
