package org.flatracoon.netstack.hesiod.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneFileSplitterTest {

    private static List<Integer> lines(String text) {
        return ZoneFileSplitter.split(text).entries().stream().map(ZoneFileEntry::line).toList();
    }

    @Test
    void eachNonBlankLineIsAnEntryAtItsLine() {
        String text = "$ORIGIN example.org.\n\n; comment only\n   \na TXT \"x\"\nb TXT \"y\"\n";
        assertThat(lines(text)).containsExactly(1, 5, 6);
    }

    @Test
    void parenthesesJoinLinesIntoOneEntryThatStartsAtTheFirst() {
        String text = "@ SOA ns. admin. (\n 1 ; serial\n 2\n 3 4 5 )\nnext TXT \"z\"\n";
        ZoneFileSplitter.Result result = ZoneFileSplitter.split(text);
        assertThat(result.entries()).extracting(ZoneFileEntry::line).containsExactly(1, 5);
        assertThat(result.entries().get(0).text()).contains("3 4 5 )");
        assertThat(result.unclosedParenLine()).isZero();
    }

    @Test
    void parenthesesSemicolonsAndEscapedQuotesInsideStringsAreText() {
        String text = "a TXT \"(not; a paren \\\" still quoted\"\nb TXT \")\"\n";
        assertThat(lines(text)).containsExactly(1, 2);
    }

    @Test
    void parenthesesInCommentsDoNotCount() {
        assertThat(lines("a TXT \"x\" ; (\nb TXT \"y\"\n")).containsExactly(1, 2);
    }

    @Test
    void leadingBlankMeansTheOwnerIsOmitted() {
        List<ZoneFileEntry> entries = ZoneFileSplitter.split("a TXT \"x\"\n\tTXT \"y\"\n  TXT \"z\"\n").entries();
        assertThat(entries).extracting(ZoneFileEntry::ownerOmitted).containsExactly(false, true, true);
    }

    @Test
    void crLfAndLoneCrCountAsOneLineBreakEach() {
        assertThat(lines("a TXT \"x\"\r\n\r\nb TXT \"y\"\rc TXT \"z\"")).containsExactly(1, 3, 4);
    }

    @Test
    void reportsWhereAnUnclosedParenthesisStarts() {
        ZoneFileSplitter.Result result = ZoneFileSplitter.split("a TXT \"x\"\nb TXT ( \"y\"\nc TXT \"z\"\n");
        assertThat(result.unclosedParenLine()).isEqualTo(2);
        assertThat(result.entries()).extracting(ZoneFileEntry::line).containsExactly(1, 2);
    }

    @Test
    void lastLineWithoutNewlineIsKept() {
        assertThat(lines("a TXT \"x\"\nb TXT \"y\"")).containsExactly(1, 2);
    }
}
