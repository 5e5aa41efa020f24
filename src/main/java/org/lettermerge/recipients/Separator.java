package org.lettermerge.recipients;

/**
 * What separates the values of a CSV file. Excel in most European locales saves "CSV" with semicolons (the comma
 * is their decimal mark), Google Sheets exports TSV with tabs: read as commas, such a file is one giant column.
 */
public enum Separator {
    COMMA(',', "commas (,)", "a comma"),
    SEMICOLON(';', "semicolons (;)", "a semicolon"),
    TAB('\t', "tabs", "a tab");

    private final char character;
    private final String described;
    private final String one;

    Separator(char character, String described, String one) {
        this.character = character;
        this.described = described;
        this.one = one;
    }

    /** "a semicolon", for a message about a value that holds one. */
    public String one() {
        return one;
    }

    public char character() {
        return character;
    }

    /** "semicolons (;)", for check's output. */
    public String described() {
        return described;
    }

    /**
     * The separator of a file, from its header line: the one of the three that occurs most often outside quotes;
     * commas when none does (a one-column list) or on a tie. The header names columns, so it rarely holds a
     * separator character as text, where a data line (an address "Rue X, 12") easily does.
     */
    public static Separator detect(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' || c == '\r') {
                if (!quoted) {
                    break;
                }
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (semicolons > commas && semicolons > tabs) {
            return SEMICOLON;
        }
        return tabs > commas && tabs > semicolons ? TAB : COMMA;
    }
}
