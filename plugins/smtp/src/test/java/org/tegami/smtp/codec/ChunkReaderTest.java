package org.tegami.smtp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkReaderTest {

    private static ChunkReader reader(String bytes, long maxSize, ChunkReader.Chunk... chunks) {
        ArrayDeque<ChunkReader.Chunk> rest = new ArrayDeque<>(List.of(chunks).subList(1, chunks.length));
        return new ChunkReader(Trickle.reader(bytes, 3), maxSize, 1000, chunks[0], rest::poll);
    }

    @Test
    void joinsChunksAndAddsAFinalCrlf() throws IOException {
        ChunkReader r = reader("ab\r\ncd", 100, new ChunkReader.Chunk(3, false), new ChunkReader.Chunk(3, true));
        assertEquals("ab\r\ncd\r\n", new String(r.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesABareCrSplitAcrossChunks() {
        ChunkReader r = reader("ab\rcd\r\n", 100, new ChunkReader.Chunk(3, false), new ChunkReader.Chunk(4, true));
        assertEquals(550, assertThrows(DataRejectedException.class, r::readAllBytes).reply().code());
    }

    @Test
    void refusesABareLfAndTooMuch() {
        assertThrows(DataRejectedException.class, () -> reader("a\nb", 100, new ChunkReader.Chunk(3, true)).readAllBytes());
        ChunkReader big = reader("0123456789\r\n", 5, new ChunkReader.Chunk(12, true));
        assertEquals(552, assertThrows(DataRejectedException.class, big::readAllBytes).reply().code());
    }

    @Test
    void anotherCommandAbortsTheSequence() {
        ChunkReader r = reader("ab\r\n", 100, new ChunkReader.Chunk(4, false));
        assertThrows(ChunkReader.AbortedException.class, r::readAllBytes);
    }
}
