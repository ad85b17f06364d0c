/**
 * SMTP wire format, separate from session logic: reading command lines within length limits
 * ({@link org.tegami.smtp.codec.LineReader}), parsing them into immutable requests
 * ({@link org.tegami.smtp.codec.RequestParser}), reading message content with dot-unstuffing
 * ({@link org.tegami.smtp.codec.DataReader}) or in BDAT chunks
 * ({@link org.tegami.smtp.codec.ChunkReader}) while refusing bare CR and bare LF, and writing
 * replies, each in one piece ({@link org.tegami.smtp.codec.ReplyWriter}).
 */
package org.tegami.smtp.codec;
