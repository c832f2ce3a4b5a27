package dev.trailhound.core.rules;

/**
 * A place in a rule file, for problems: {@code rules/stop-logging.yml:12:7}. Lines and columns count from 1;
 * 0 means "the whole file" or "the whole line".
 */
public record SourceLocation(String file, int line, int column) {
    public SourceLocation {
        file = file == null ? "<unnamed>" : file;
    }

    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
