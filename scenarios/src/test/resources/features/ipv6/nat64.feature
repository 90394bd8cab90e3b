@ipv6 @nat64
Feature: IPv6-only hosts reach IPv4-only services by name
  The site runs IPv6 only. Legacy services outside still speak only IPv4: the site's resolver
  synthesises an IPv6 address for them inside the NAT64 prefix, and the border translates, so a
  host with nothing but IPv6 still uses them by name. A server that has IPv6 of its own must be
  reached over it, not through the translator.

  Background:
    Given the "ipv6-site" lab is running

  Scenario: an IPv6-only host fetches a page from an IPv4-only web server by name
    When host1 fetches "http://legacy.example.com/"
    Then host1 receives the page that web serves
    And the connection went to web's IPv4 address inside the border's NAT64 prefix

  Scenario: a name with only an IPv4 address gets an IPv6 address synthesised from the border's prefix
    When host1 resolves the IPv6 address of "legacy.example.com"
    Then the answer is web's IPv4 address inside the border's NAT64 prefix

  Scenario: a dual-stack name gets its own IPv6 address, not a synthesised one
    When host1 resolves the IPv6 address of "dual.example.com"
    Then the answer is dual's own IPv6 address and nothing inside the NAT64 prefix

  Scenario: a dual-stack server is reached over native IPv6, not through the translator
    When host1 fetches "http://dual.example.com/"
    Then host1 receives the page that dual serves
    And the connection went to dual's own IPv6 address

  Scenario: hosts discover the prefix the border translates (RFC 7050)
    When host1 discovers the NAT64 prefix from ipv4only.arpa
    Then the discovered prefix is the one the border translates
