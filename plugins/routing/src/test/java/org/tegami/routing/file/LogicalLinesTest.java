package org.tegami.routing.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogicalLinesTest {

    @Test
    void joinsContinuationLinesAndKeepsTheStartingLineNumber() {
        String text = "# header\n\npostmaster: root,\n   alice,\n\tbob\nabuse: postmaster\n";
        assertEquals(List.of(new LogicalLine(3, "postmaster: root, alice, bob"), new LogicalLine(6, "abuse: postmaster")),
                LogicalLines.split(text));
    }

    @Test
    void commentsAndBlankLinesDoNotEndAnEntry() {
        String text = "list: a,\n# who else\n\n  b\n";
        assertEquals(List.of(new LogicalLine(1, "list: a, b")), LogicalLines.split(text));
    }

    @Test
    void hashInsideALineIsText() {
        assertEquals(List.of(new LogicalLine(1, "x reject 550 5.7.1 no #1")), LogicalLines.split("x reject 550 5.7.1 no #1"));
    }

    @Test
    void readsCrLfAndAFileWithoutFinalNewline() {
        assertEquals(List.of(new LogicalLine(1, "a: b c"), new LogicalLine(3, "d: e")),
                LogicalLines.split("a: b\r\n c\r\nd: e"));
    }

    @Test
    void aContinuationWithoutEntryStartsOne() {
        assertEquals(List.of(new LogicalLine(2, "a: b")), LogicalLines.split("\n  a: b\n"));
    }
}
