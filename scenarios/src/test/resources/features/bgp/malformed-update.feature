@bgp
Feature: Our speaker survives a peer that sends malformed or too many UPDATEs
  A broken or hostile peer must not take a router down. RFC 7606 says how a speaker answers a
  malformed UPDATE: most broken attributes only withdraw the routes they came with, and only
  when the message itself cannot be read is that one session reset. A peer that sends more
  prefixes than agreed is cut off with Cease, maximum number of prefixes reached (RFC 4486).
  Either way every other session keeps running.

  Background:
    Given the "bgp-ring" lab is running
    And every BGP session in the lab is established

  Scenario: routes with a malformed COMMUNITIES attribute are treated as withdrawn
    When peer sends ours an UPDATE for 198.51.100.116/30, then one for 198.51.100.112/30 whose COMMUNITIES attribute is 3 bytes long
    Then ours learns 198.51.100.116/30 from peer with AS path "65299"
    And ours keeps its IPv4 session with peer
    And ours has no route to 198.51.100.112/30
    And ours keeps its IPv4 session with bird
    And ours keeps its IPv4 session with frr

  Scenario: an UPDATE whose attributes overrun the message resets only that session
    When peer sends ours an UPDATE whose attributes overrun the message
    Then ours closes its session with peer with NOTIFICATION 3/1, malformed attribute list
    And ours keeps its IPv4 session with bird
    And ours keeps its IPv6 session with frr

  Scenario: a peer that sends more prefixes than allowed has its session closed with Cease
    When peer sends ours an UPDATE with 4 prefixes, more than it may send
    Then ours closes its session with peer with NOTIFICATION 6/1, maximum number of prefixes reached
    And ours keeps its IPv4 session with bird
    And ours keeps its IPv6 session with frr
