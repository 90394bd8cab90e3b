@ipv6 @border
Feature: IPv4 does not enter the site
  The border lets the site out to IPv4 through NAT64 and lets the replies back, nothing else: an
  IPv4 host outside must not reach a site host through the translator's address pool, even while
  that host has a mapping there. What the border drops it counts, so an operator can see it.

  Background:
    Given the "ipv6-site" lab is running

  Scenario: IPv4 sent from outside at the NAT64 pool is dropped and counted, and the site sees none of it
    Given host1 has fetched "http://legacy.example.com/" through NAT64
    When intruder sends IPv4 packets to every address of the NAT64 pool
    Then intruder gets no reply
    And no packet from intruder reaches host1
    And the border counts them as IPv4 into the site within the border counter budget

  Scenario: the site's IPv6 policy refuses mail sent straight out of the site, and counts it
    When host1 opens a connection to dual on the SMTP port
    Then the connection is neither accepted nor refused
    And the border counts it as outbound IPv6 denied within the border counter budget

  Scenario: a new connection from outside into the site is refused by the IPv6 policy, and counted
    When dual opens a connection to host1 on port 22
    Then the connection is neither accepted nor refused
    And the border counts it as inbound IPv6 denied within the border counter budget

  Scenario: replies to the site's own IPv4 flows pass the border
    When host1 fetches "http://www.example.com/"
    Then host1 receives the page that web serves
