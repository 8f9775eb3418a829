package dev.baton.processor.difffuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One generated whole-language program: a template from which both twins are made.
 *
 * <ul>
 *   <li>The <b>async twin</b> is the user's class {@code P<id>} (annotated {@code @Async}, imports
 *       {@code dev.baton.*}); the processor generates {@code AsyncP<id>} from it, and the run
 *       calls {@code new AsyncP<id>().run(host)} on the loop.</li>
 *   <li>The <b>plain twin</b> {@code Q<id>} is the same text, with {@code import static dev.baton.Baton.*}
 *       replaced by {@code ...sync.SyncBaton.*} (a synchronous {@code await}, {@code done}, task group
 *       and stream with the same signatures) and compiled without the processor: plain Java with the
 *       same helper classes.</li>
 * </ul>
 *
 * <p>Placeholders: {@code §C} the user's class, {@code §A} its generated class ({@code AsyncP<id>};
 * in the plain twin the class itself), {@code §N} the generated class of the nested class {@code N}
 * ({@code AsyncP<id>_N}; plain {@code Q<id>.N}), {@code §IMPORTS} the two import lines that differ.
 * Both twins have the same line numbers.
 *
 * @param features every feature the program uses (see {@link LanguageGenerator})
 * @param lineFeatures features by 1-based source line (the generator also writes them as a trailing
 *     {@code //@ ...} comment on the line that ends the statement)
 */
public record FuzzProgram(int id, long seed, boolean defaultPackage, boolean java21, boolean assertions,
    String template, Set<String> features, List<Set<String>> lineFeatures) {

  static final String ASYNC_IMPORTS = "import static dev.baton.Baton.*;\nimport dev.baton.*;";
  static final String PLAIN_IMPORTS = "import static dev.baton.processor.difffuzz.sync.SyncBaton.*;\n"
      + "import dev.baton.Awaitable; import dev.baton.Coroutine; import dev.baton.processor.difffuzz.sync.*;";

  public String packagePrefix() {
    return defaultPackage ? "" : "fz.";
  }

  /** The user's class, {@code P<id>}. */
  public String userClass() {
    return packagePrefix() + "P" + id;
  }

  /** The class the processor generates from it. */
  public String asyncClass() {
    return packagePrefix() + "AsyncP" + id;
  }

  /** The plain twin. */
  public String plainClass() {
    return packagePrefix() + "Q" + id;
  }

  public String asyncSource() {
    return template.replace("§IMPORTS", ASYNC_IMPORTS).replace("§N", "AsyncP" + id + "_N")
        .replace("§A", "AsyncP" + id).replace("§C", "P" + id);
  }

  public String plainSource() {
    return template.replace("§IMPORTS", PLAIN_IMPORTS).replace("§N", "Q" + id + ".N")
        .replace("§A", "Q" + id).replace("§C", "Q" + id);
  }

  /** Features written on lines {@code from..} up to and including the next line that has any. */
  public Set<String> featuresAt(long line) {
    Set<String> out = new TreeSet<>();
    for (int l = (int) Math.max(1, line); l <= lineFeatures.size(); l++) {
      Set<String> f = lineFeatures.get(l - 1);
      if (!f.isEmpty()) {
        out.addAll(f);
        break;
      }
    }
    return out;
  }

  /** Size used to order failures (smallest first). */
  public int size() {
    return template.length();
  }

  static List<Set<String>> parseLineFeatures(String text) {
    List<Set<String>> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      Set<String> f = new TreeSet<>();
      int at = line.lastIndexOf("//@ ");
      if (at >= 0) {
        for (String s : line.substring(at + 4).trim().split(",")) {
          if (!s.isBlank()) {
            f.add(s.trim());
          }
        }
      }
      out.add(f);
    }
    return out;
  }
}
