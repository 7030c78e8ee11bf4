package com.klinecast.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code template.yaml} as plain data, read as CloudFormation reads it: the short tags become their long forms
 * ({@code !Ref X} is {@code {Ref: X}}, {@code !GetAtt A.B} is {@code {Fn::GetAtt: [A, B]}}, {@code !Sub s} is
 * {@code {Fn::Sub: s}}), and a date stays text. Functions come with the template's {@code Globals} applied.
 */
final class SamTemplate {

    static final String FUNCTION = "AWS::Serverless::Function";

    /** A serverless function as SAM deploys it: its own properties over {@code Globals.Function}. */
    record ServerlessFunction(String id, Map<String, Object> properties, Map<String, Object> environment) {

        String handler() {
            return (String) properties.get("Handler");
        }

        String handlerClass() {
            return handler().split("::", 2)[0];
        }

        /** The method after {@code ::}; Lambda's default is {@code handleRequest}. */
        String handlerMethod() {
            String[] parts = handler().split("::", 2);
            return parts.length == 2 ? parts[1] : "handleRequest";
        }

        String codeUri() {
            return (String) properties.get("CodeUri");
        }

        int timeoutSeconds() {
            Object timeout = properties.get("Timeout");
            return timeout == null ? 3 : Integer.parseInt(timeout.toString());
        }

        /** Event name to its definition ({@code Type}, {@code Properties}). */
        Map<String, Map<String, Object>> events() {
            return map(properties.get("Events"));
        }
    }

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static SamTemplate load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static SamTemplate parse(String yaml) {
        Object root = new Yaml(new CloudFormationConstructor()).load(yaml);
        if (!(root instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a CloudFormation template: the document is not a mapping");
        }
        return new SamTemplate(map(root));
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Map<String, Object>> section(String name) {
        return map(root.get(name));
    }

    Map<String, Map<String, Object>> parameters() {
        return section("Parameters");
    }

    Map<String, Map<String, Object>> resources() {
        return section("Resources");
    }

    Map<String, Object> resource(String id) {
        Map<String, Object> resource = resources().get(id);
        if (resource == null) {
            throw new IllegalArgumentException("template has no resource " + id);
        }
        return resource;
    }

    String type(String id) {
        return (String) resource(id).get("Type");
    }

    Map<String, Object> properties(String id) {
        return map(resource(id).get("Properties"));
    }

    /** The resources of one type, by logical id. */
    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(r.get("Type"))) {
                out.put(id, r);
            }
        });
        return out;
    }

    List<ServerlessFunction> functions() {
        return resourcesOfType(FUNCTION).keySet().stream().map(this::function).toList();
    }

    ServerlessFunction function(String id) {
        Map<String, Object> resource = resources().get(id);
        if (resource == null || !FUNCTION.equals(resource.get("Type"))) {
            throw new IllegalArgumentException("template has no function " + id + "; its functions: "
                    + resourcesOfType(FUNCTION).keySet());
        }
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        Map<String, Object> properties = new LinkedHashMap<>(globals);
        properties.putAll(map(resource.get("Properties")));
        Map<String, Object> environment = new LinkedHashMap<>(variables(globals));
        environment.putAll(variables(map(resource.get("Properties"))));
        return new ServerlessFunction(id, properties, environment);
    }

    private static Map<String, Object> variables(Map<String, Object> properties) {
        return map(map(properties.get("Environment")).get("Variables"));
    }

    // ---------------------------------------------------------------------------------------------- values

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * A value as text, with {@code Ref}, {@code Fn::Sub} and {@code Fn::Join} resolved through {@code ref} (a
     * parameter, resource or pseudo-parameter name to its value). Other functions have no local meaning here.
     */
    static String resolve(Object value, Function<String, String> ref) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<?, ?> intrinsic = m.entrySet().iterator().next();
            Object argument = intrinsic.getValue();
            switch (String.valueOf(intrinsic.getKey())) {
                case "Ref":
                    return ref.apply(String.valueOf(argument));
                case "Fn::Sub":
                    if (argument instanceof String text) {
                        return substitute(text, Map.of(), ref);
                    }
                    if (argument instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof String text) {
                        return substitute(text, map(pair.get(1)), ref);
                    }
                    break;
                case "Fn::Join":
                    if (argument instanceof List<?> pair && pair.size() == 2 && pair.get(1) instanceof List<?> items) {
                        List<String> parts = new ArrayList<>();
                        for (Object item : items) {
                            parts.add(resolve(item, ref));
                        }
                        return String.join(String.valueOf(pair.get(0)), parts);
                    }
                    break;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("cannot resolve " + value + " locally: only literals, Ref, Fn::Sub and "
                + "Fn::Join are");
    }

    private static String substitute(String text, Map<String, Object> variables, Function<String, String> ref) {
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.startsWith("!")) {
                value = "${" + name.substring(1) + "}"; // ${!Literal} is the escape for a literal ${Literal}
            } else if (variables.containsKey(name)) {
                value = resolve(variables.get(name), ref);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                throw new IllegalArgumentException("cannot resolve ${" + name + "} locally: attributes (GetAtt) "
                        + "have no local meaning");
            } else {
                value = ref.apply(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, V>) m : Map.of();
    }

    /** SnakeYAML's safe constructor plus CloudFormation's short tags. */
    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new Intrinsic());
            // CloudFormation reads an unquoted 2017-01-01 as text, not as a timestamp.
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        private final class Intrinsic extends AbstractConstruct {

            @Override
            public Object construct(Node node) {
                String tag = node.getTag().getValue().substring(1);
                Object value = switch (node.getNodeId()) {
                    case scalar -> constructScalar((ScalarNode) node);
                    case sequence -> constructSequence((SequenceNode) node);
                    case mapping -> constructMapping((MappingNode) node);
                    default -> throw new IllegalArgumentException("unexpected YAML node under !" + tag);
                };
                if ("GetAtt".equals(tag) && value instanceof String dotted) {
                    int dot = dotted.indexOf('.');
                    value = dot < 0 ? List.of(dotted) : List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
                }
                String name = "Ref".equals(tag) || "Condition".equals(tag) ? tag : "Fn::" + tag;
                return Map.of(name, value);
            }
        }
    }
}
