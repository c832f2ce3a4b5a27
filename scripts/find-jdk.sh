# Sourced by ./trailhound and ./test: find_java prints the home of a JDK 21+ (JAVA_HOME when it qualifies,
# else the newest JDK in the usual install locations), or explains what is missing and exits.
MIN_JAVA=21

java_major() {  # prints the major version of the java binary $1, or nothing
    local v
    v="$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')" || return 0
    echo "${v%%.*}"
}

find_java() {
    local candidates=() seen="" best="" best_major=0 c m
    [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
    for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
        [[ -x "$d/bin/java" ]] && candidates+=("$d/bin/java")
    done
    command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
    # JAVA_HOME wins when it is new enough; otherwise the newest JDK found
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        m="$(java_major "$JAVA_HOME/bin/java")"
        if [[ -n "$m" && "$m" -ge $MIN_JAVA && -x "$JAVA_HOME/bin/javac" ]]; then echo "$JAVA_HOME"; return; fi
    fi
    for c in "${candidates[@]}"; do
        m="$(java_major "$c")"
        seen+="  $c: ${m:-unknown}"$'\n'
        local home; home="$(cd "$(dirname "$(readlink -f "$c")")/.." && pwd)"
        if [[ -n "$m" && "$m" -ge $MIN_JAVA && "$m" -gt $best_major && -x "$home/bin/javac" ]]; then best="$home"; best_major=$m; fi
    done
    if [[ -z "$best" ]]; then
        {
            echo "trailhound: needs a JDK $MIN_JAVA or newer (with javac), and found none."
            [[ -n "$seen" ]] && { echo "Java installations seen (major version):"; printf '%s' "$seen"; }
            echo "Install one, e.g. 'apt-get install openjdk-21-jdk' (Debian/Ubuntu) or Temurin 21+, or set JAVA_HOME to it."
        } >&2
        exit 1
    fi
    echo "$best"
}

