package dev.baton.processor.parse;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The class path of the attribution task (see {@link Attribution}), served from the compilation the
 * processor runs in: a processor cannot see its compilation's class path, but it can list a package
 * through {@link Elements} and read each class file through {@link Filer#getResource}. Types the
 * outer compilation compiles from source are handed over as sources (with their method bodies
 * blanked: only signatures are needed), so a stale class file in the output folder never wins over
 * the source being compiled. The platform classes come from the task's own standard file manager.
 */
final class OuterFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
  private final Elements elements;
  private final Trees trees;
  private final Filer filer;
  /** Sources that stand for types the processor is about to generate, by qualified name. */
  private final Map<String, String> stubs;
  /** Compilation units that are the task's inputs: never listed again. */
  private final Set<URI> inputs;
  private final Map<String, List<JavaFileObject>> listed = new HashMap<>();
  private final Map<URI, JavaFileObject> sourceByUnit = new HashMap<>();

  OuterFileManager(StandardJavaFileManager platform, Elements elements, Trees trees, Filer filer,
      Map<String, String> stubs, Set<URI> inputs) {
    super(platform);
    this.elements = elements;
    this.trees = trees;
    this.filer = filer;
    this.stubs = stubs;
    this.inputs = inputs;
  }

  @Override
  public boolean hasLocation(Location location) {
    if (location == StandardLocation.CLASS_PATH) {
      return true;
    }
    if (location == StandardLocation.SOURCE_PATH || location == StandardLocation.ANNOTATION_PROCESSOR_PATH
        || location == StandardLocation.MODULE_PATH || location == StandardLocation.MODULE_SOURCE_PATH) {
      return false;
    }
    return super.hasLocation(location);
  }

  @Override
  public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
      boolean recurse) throws IOException {
    if (location != StandardLocation.CLASS_PATH) {
      return super.list(location, packageName, kinds, recurse);
    }
    List<JavaFileObject> all = listed.computeIfAbsent(packageName, this::listPackage);
    List<JavaFileObject> out = new ArrayList<>();
    for (JavaFileObject f : all) {
      if (kinds.contains(f.getKind())) {
        out.add(f);
      }
    }
    return out;
  }

  @Override
  public String inferBinaryName(Location location, JavaFileObject file) {
    if (file instanceof Served s) {
      return s.binaryName;
    }
    return super.inferBinaryName(location, file);
  }

  @Override
  public boolean isSameFile(FileObject a, FileObject b) {
    if (a instanceof Served || b instanceof Served) {
      return a.equals(b);
    }
    return super.isSameFile(a, b);
  }

  @Override
  public boolean contains(Location location, FileObject fo) throws IOException {
    if (fo instanceof Served) {
      return location == StandardLocation.CLASS_PATH;
    }
    return super.contains(location, fo);
  }

  private List<JavaFileObject> listPackage(String packageName) {
    Map<String, JavaFileObject> out = new LinkedHashMap<>();
    String prefix = packageName.isEmpty() ? "" : packageName + ".";
    for (Map.Entry<String, String> stub : stubs.entrySet()) {
      String name = stub.getKey();
      if (name.startsWith(prefix) && name.indexOf('.', prefix.length()) < 0) {
        out.put(name, new Served(name, JavaFileObject.Kind.SOURCE, stub.getValue(), null, null));
      }
    }
    for (PackageElement pkg : packages(packageName)) {
      ModuleElement module = elements.getModuleOf(pkg);
      if (module != null && isPlatform(module)) {
        continue;
      }
      for (Element e : pkg.getEnclosedElements()) {
        if (e instanceof TypeElement type && !out.containsKey(type.getQualifiedName().toString())) {
          serve(type, packageName, module, out);
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private List<? extends PackageElement> packages(String name) {
    PackageElement p = elements.getPackageElement(name);
    return p == null ? List.of() : List.of(p);
  }

  private static boolean isPlatform(ModuleElement module) {
    String name = module.getQualifiedName().toString();
    return name.startsWith("java.") || name.startsWith("jdk.");
  }

  private void serve(TypeElement type, String packageName, ModuleElement module, Map<String, JavaFileObject> out) {
    String qualified = type.getQualifiedName().toString();
    TreePath path = trees.getPath(type);
    if (path != null) {
      JavaFileObject file = path.getCompilationUnit().getSourceFile();
      if (inputs.contains(file.toUri())) {
        return;
      }
      JavaFileObject served = sourceByUnit.computeIfAbsent(file.toUri(), u -> {
        String text = Blanker.signaturesOnly(path.getCompilationUnit(), trees);
        return new Served(qualified, JavaFileObject.Kind.SOURCE, text, null, null);
      });
      out.put(qualified, served);
      return;
    }
    addClassFiles(type, packageName, module, out);
  }

  /** The class file of {@code type} and of its member types, read lazily from the outer class path. */
  private void addClassFiles(TypeElement type, String packageName, ModuleElement module,
      Map<String, JavaFileObject> out) {
    String binary = elements.getBinaryName(type).toString();
    String simple = packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1);
    out.put(binary, new Served(binary, JavaFileObject.Kind.CLASS, null, packageName, simple + ".class") {
      @Override
      public InputStream openInputStream() throws IOException {
        return new ByteArrayInputStream(bytes(packageName, module, simple + ".class"));
      }
    });
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof TypeElement t && member.getKind() != ElementKind.OTHER) {
        addClassFiles(t, packageName, module, out);
      }
    }
  }

  private byte[] bytes(String packageName, ModuleElement module, String relativeName) throws IOException {
    IOException first = null;
    try {
      return read(filer.getResource(StandardLocation.CLASS_PATH, packageName, relativeName));
    } catch (IOException | IllegalArgumentException e) {
      first = e instanceof IOException io ? io : new IOException(e);
    }
    if (module != null && !module.isUnnamed()) {
      try {
        return read(filer.getResource(StandardLocation.MODULE_PATH,
            module.getQualifiedName() + "/" + packageName, relativeName));
      } catch (IOException | IllegalArgumentException e) {
        first.addSuppressed(e);
      }
    }
    throw first;
  }

  private static byte[] read(FileObject f) throws IOException {
    try (InputStream in = f.openInputStream()) {
      return in.readAllBytes();
    }
  }

  /** A file this manager hands to the attribution task. */
  static class Served extends SimpleJavaFileObject {
    final String binaryName;
    private final String text;

    Served(String binaryName, Kind kind, String text, String packageName, String relativeName) {
      super(URI.create("baton-outer:/" + binaryName.replace('.', '/') + kind.extension), kind);
      this.binaryName = binaryName;
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      if (text == null) {
        throw new UnsupportedOperationException("a class file");
      }
      return text;
    }

    @Override
    public InputStream openInputStream() throws IOException {
      return new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
