package org.tegami.example;

import org.pf4j.Plugin;

/**
 * The plugin itself ({@code Plugin-Class} in the descriptor). It has nothing to do: PF4J finds
 * the extensions by their {@code @Extension} annotation, and Tegami runs their lifecycle.
 */
public class BlocklistPlugin extends Plugin {
}
