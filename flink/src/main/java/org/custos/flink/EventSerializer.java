package org.custos.flink;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.custos.core.event.Event;

/**
 * EventSerializer writes any core {@link Event} compactly: a byte for its record class (in the order the sealed
 * interface permits them), then each record component in declaration order. It serves every kind of event, present
 * and future, as long as its components are strings, instants, numbers, booleans, enums or lists of strings; a kind
 * with any other component is refused when the class loads.
 *
 * <p>Strings go in {@link WireStrings}' block form. Events are immutable, so copying returns the same instance. An
 * instance keeps a scratch buffer for reading, so {@link #duplicate()} hands out a new one for each user.
 */
final class EventSerializer extends ImmutableSerializer<Event> {

    private static final long serialVersionUID = 1L;

    /** An instance to duplicate from; not for reading on several threads. */
    static final EventSerializer INSTANCE = new EventSerializer();

    private static final Shape[] SHAPES;
    private static final ClassValue<Integer> INDEX = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            for (int i = 0; i < SHAPES.length; i++) {
                if (SHAPES[i].type == type) {
                    return i;
                }
            }
            throw new IllegalArgumentException("not an event record: " + type.getName());
        }
    };

    private enum Kind { STRING, NAME, INSTANT, LONG, INT, BOOLEAN, DOUBLE, ENUM, STRING_LIST }

    private static final class Shape {
        final Class<?> type;
        final Kind[] kinds;
        final MethodHandle[] getters;
        final Object[][] constants;
        final MethodHandle constructor;

        Shape(Class<?> type) throws ReflectiveOperationException {
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            kinds = new Kind[components.length];
            getters = new MethodHandle[components.length];
            constants = new Object[components.length][];
            Class<?>[] types = new Class<?>[components.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (int i = 0; i < components.length; i++) {
                Class<?> t = components[i].getType();
                types[i] = t;
                kinds[i] = kindOf(type, components[i]);
                if (t.isEnum()) {
                    constants[i] = t.getEnumConstants();
                }
                getters[i] = lookup.unreflect(components[i].getAccessor())
                        .asType(MethodType.methodType(Object.class, Event.class));
            }
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Event.class, Object[].class));
        }

        private static Kind kindOf(Class<?> record, RecordComponent c) {
            Class<?> t = c.getType();
            if (t == String.class) {
                // ids of people and machines repeat in every event; read them through a cache
                return c.getName().equals("user") || c.getName().equals("host") ? Kind.NAME : Kind.STRING;
            } else if (t == Instant.class) {
                return Kind.INSTANT;
            } else if (t == long.class) {
                return Kind.LONG;
            } else if (t == int.class) {
                return Kind.INT;
            } else if (t == boolean.class) {
                return Kind.BOOLEAN;
            } else if (t == double.class) {
                return Kind.DOUBLE;
            } else if (t.isEnum()) {
                return Kind.ENUM;
            } else if (t == List.class && c.getGenericType().getTypeName().equals("java.util.List<java.lang.String>")) {
                return Kind.STRING_LIST;
            }
            throw new IllegalStateException(record.getSimpleName() + "." + c.getName() + ": component type "
                    + c.getGenericType() + " cannot be serialized");
        }
    }

    static {
        Class<?>[] permitted = Event.class.getPermittedSubclasses();
        SHAPES = new Shape[permitted.length];
        try {
            for (int i = 0; i < permitted.length; i++) {
                SHAPES[i] = new Shape(permitted[i]);
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final WireStrings strings = new WireStrings();

    private EventSerializer() {
    }

    @Override
    public EventSerializer duplicate() {
        return new EventSerializer();
    }

    @Override
    public void serialize(Event event, DataOutputView out) throws IOException {
        int index = INDEX.get(event.getClass());
        Shape shape = SHAPES[index];
        out.writeByte(index);
        try {
            for (int i = 0; i < shape.kinds.length; i++) {
                Object value = (Object) shape.getters[i].invokeExact(event);
                write(shape.kinds[i], value, out);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void write(Kind kind, Object value, DataOutputView out) throws IOException {
        switch (kind) {
            case STRING, NAME -> WireStrings.write((String) value, out);
            case INSTANT -> {
                Instant t = (Instant) value;
                out.writeLong(t.getEpochSecond());
                out.writeInt(t.getNano());
            }
            case LONG -> out.writeLong((Long) value);
            case INT -> out.writeInt((Integer) value);
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case DOUBLE -> out.writeDouble((Double) value);
            case ENUM -> out.writeShort(value == null ? -1 : ((Enum<?>) value).ordinal());
            case STRING_LIST -> {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) value;
                out.writeInt(list == null ? -1 : list.size());
                if (list != null) {
                    for (String s : list) {
                        WireStrings.write(s, out);
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled " + kind);
        }
    }

    @Override
    public Event deserialize(DataInputView in) throws IOException {
        int index = in.readUnsignedByte();
        if (index >= SHAPES.length) {
            throw new IOException("unknown event class index " + index);
        }
        Shape shape = SHAPES[index];
        Object[] args = new Object[shape.kinds.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = read(shape.kinds[i], shape.constants[i], in);
        }
        try {
            return (Event) shape.constructor.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("cannot rebuild " + shape.type.getSimpleName() + " from " + Arrays.toString(args), t);
        }
    }

    private Object read(Kind kind, Object[] constants, DataInputView in) throws IOException {
        return switch (kind) {
            case STRING -> strings.read(in);
            case NAME -> strings.readName(in);
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case LONG -> in.readLong();
            case INT -> in.readInt();
            case BOOLEAN -> in.readBoolean();
            case DOUBLE -> in.readDouble();
            case ENUM -> {
                short ordinal = in.readShort();
                yield ordinal < 0 ? null : constants[ordinal];
            }
            case STRING_LIST -> {
                int size = in.readInt();
                if (size < 0) {
                    yield null;
                }
                List<String> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(strings.read(in));
                }
                yield list;
            }
        };
    }


    @Override
    public TypeSerializerSnapshot<Event> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The snapshot of the (stateless) serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Event> {

        /** For restoring. */
        public Snapshot() {
            super(EventSerializer::new);
        }
    }
}
