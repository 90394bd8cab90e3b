@ipv6 @dns64
Feature: Our DNS64 answers as BIND's does
  Hosts of an IPv6-only site reach IPv4-only servers through NAT64 only if their resolver makes up an
  IPv6 address for names that have none (DNS64, RFC 6147), and leaves alone the names that do. Our
  DNS64 must give the same answers as BIND 9.18's, the reference closest to the RFC. Unbound's dns64
  module is asked the same questions: where it answers otherwise, each difference is named below
  with what the RFC says, so that nobody mistakes it for the behaviour to copy.
  All three use the prefix fd64:ff9b::/96 and forward to the same authoritative server. Cached
  TTLs count down, so TTLs asked a few seconds apart may differ by those seconds.

  Background:
    Given the "dns64-compare" lab is running

  Scenario: ours, BIND and Unbound answer the same questions about IPv4-only, dual-stack and missing names
    When the client asks ours, BIND and Unbound each of these questions:
      | question             | type | what the zone holds                            |
      | v4only.example.net   | AAAA | one A record, TTL 300; SOA negative TTL 120    |
      | alias.example.net    | AAAA | a CNAME to v4only                              |
      | chain.example.net    | AAAA | a CNAME to alias                               |
      | short.example.net    | AAAA | one A record, TTL 30                           |
      | multi.example.net    | AAAA | two A records                                  |
      | dual.example.net     | AAAA | an A and an AAAA record                        |
      | v6only.example.net   | AAAA | an AAAA record only                            |
      | mapped.example.net   | AAAA | an A and an IPv4-mapped AAAA record            |
      | mixed.example.net    | AAAA | an A, an IPv4-mapped and a real AAAA record    |
      | txtonly.example.net  | AAAA | a TXT record only                              |
      | missing.example.net  | AAAA | nothing                                        |
      | v4only.example.net   | A    | one A record                                   |
      | ipv4only.arpa        | AAAA | not in the lab: resolvers answer it (RFC 8880) |
      | ipv4only.arpa        | A    | not in the lab: resolvers answer it (RFC 8880) |
      | fd64:ff9b::cb00:71c8 | PTR  | 203.0.113.200 has a PTR record                 |
      | fd64:ff9b::cb00:71c9 | PTR  | 203.0.113.201 has none                         |
    Then ours and BIND both answer, with TTLs within 10 seconds:
      | question             | type | status   | answer                                                                         |
      | v4only.example.net   | AAAA | NOERROR  | AAAA fd64:ff9b::cb00:71c8 (TTL 120)                                            |
      | alias.example.net    | AAAA | NOERROR  | CNAME v4only.example.net., AAAA fd64:ff9b::cb00:71c8                           |
      | chain.example.net    | AAAA | NOERROR  | CNAME alias.example.net., CNAME v4only.example.net., AAAA fd64:ff9b::cb00:71c8 |
      | short.example.net    | AAAA | NOERROR  | AAAA fd64:ff9b::cb00:71c9 (TTL 30)                                             |
      | multi.example.net    | AAAA | NOERROR  | AAAA fd64:ff9b::cb00:71ca, AAAA fd64:ff9b::cb00:71cb                           |
      | dual.example.net     | AAAA | NOERROR  | AAAA 2001:db8:6a:80::204                                                       |
      | v6only.example.net   | AAAA | NOERROR  | AAAA 2001:db8:6a:80::205                                                       |
      | mapped.example.net   | AAAA | NOERROR  | AAAA fd64:ff9b::cb00:71ce (TTL 300)                                            |
      | mixed.example.net    | AAAA | NOERROR  | AAAA 2001:db8:6a:80::207                                                       |
      | txtonly.example.net  | AAAA | NOERROR  | nothing                                                                        |
      | missing.example.net  | AAAA | NXDOMAIN | nothing                                                                        |
      | v4only.example.net   | A    | NOERROR  | A 203.0.113.200                                                                |
      | ipv4only.arpa        | AAAA | NOERROR  | AAAA fd64:ff9b::c000:aa, AAAA fd64:ff9b::c000:ab (TTL 3600)                    |
      | ipv4only.arpa        | A    | NOERROR  | A 192.0.0.170, A 192.0.0.171                                                   |
      | fd64:ff9b::cb00:71c8 | PTR  | NOERROR  | CNAME 200.113.0.203.in-addr.arpa., PTR v4only.example.net.                     |
      | fd64:ff9b::cb00:71c9 | PTR  | NXDOMAIN | CNAME 201.113.0.203.in-addr.arpa.                                              |
    And ours and BIND agree on every record's owner and TTL, within 10 seconds, and on which answers are authoritative
    And Unbound answers as BIND does, TTLs aside, except for these questions, with TTLs within 10 seconds:
      | question             | type | what the RFCs say                                                            | Unbound answers                                     |
      | v4only.example.net   | AAAA | TTL at most the SOA negative TTL of the AAAA answer, 120 (RFC 6147 §5.1.7)   | AAAA fd64:ff9b::cb00:71c8 (TTL 300)                 |
      | mapped.example.net   | AAAA | ::ffff:0:0/96 is excluded by default: synthesise from A (RFC 6147 §5.1.4)    | AAAA ::ffff:203.0.113.206                           |
      | mixed.example.net    | AAAA | excluded AAAA records are not returned (RFC 6147 §5.1.4)                     | AAAA ::ffff:203.0.113.207, AAAA 2001:db8:6a:80::207 |
      | ipv4only.arpa        | AAAA | answered locally, so hosts find the prefix offline (RFC 8880 §7.2)           | SERVFAIL                                            |
      | ipv4only.arpa        | A    | answered locally: 192.0.0.170 and 192.0.0.171 (RFC 8880 §7.2)                | SERVFAIL                                            |
      | fd64:ff9b::cb00:71c8 | PTR  | a CNAME into in-addr.arpa, or the PTR itself: both allowed (RFC 6147 §5.3.1) | PTR v4only.example.net.                             |
      | fd64:ff9b::cb00:71c9 | PTR  | a CNAME into in-addr.arpa, or the PTR itself: both allowed (RFC 6147 §5.3.1) | NXDOMAIN                                            |

  Scenario: a validating client that sets DO and CD gets the data as it is, without a synthesised address
    When the client asks ours, BIND and Unbound for the AAAA records of v4only.example.net with DO and CD set
    Then ours answers NOERROR with no AAAA record, as RFC 6147 §5.5 says
    And Unbound answers NOERROR with no AAAA record
    And BIND still answers fd64:ff9b::cb00:71c8, a synthesised address RFC 6147 §5.5 advises against here

  Scenario: hosts still discover the NAT64 prefix when the resolvers cannot reach any other server
    When the auth node can no longer be reached
    Then the client discovers the prefix fd64:ff9b::/96 from ours through ipv4only.arpa
    And the client discovers the prefix fd64:ff9b::/96 from BIND through ipv4only.arpa
    And Unbound answers SERVFAIL for ipv4only.arpa
    And ours answers SERVFAIL for v4only.example.net
