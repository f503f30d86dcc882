package org.custos.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.flink.api.common.typeutils.GenericTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * JavaSerialType makes the Flink type of a value kept in Java's own serialized form ({@link #of}): core's per-person
 * and scoring state, and the job's low-volume messages. Core's values use immutable JDK collections that Kryo cannot
 * rebuild, and Java serialization is the form the state-size benchmark measures. The bytes are deflated. The type
 * itself is a {@link SerializerType}, like those of the values with hand-written serializers; what this class adds
 * is the serializer.
 */
final class JavaSerialType {

    private JavaSerialType() {
    }

    /** The Flink type of {@code type}'s values, serialized by {@link Serializer}. */
    static <T extends Serializable> SerializerType<T> of(Class<T> type) {
        return new SerializerType<>(type, new Serializer<>(type));
    }

    /**
     * Serialized bytes of a value, deflated: each value carries its own class descriptors, which are most of a
     * person's state and compress well (3,566 bytes become about 1,100 on the simulator).
     */
    static byte[] toBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (ObjectOutputStream out = new ObjectOutputStream(new DeflaterOutputStream(bytes, deflater, 1024))) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getName(), e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /** The value serialized in {@code bytes}, classes resolved through the thread's context class loader. */
    static Object fromBytes(byte[] bytes) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Inflater inflater = new Inflater();
        try (ObjectInputStream in = new LoaderObjectInputStream(
                new InflaterInputStream(new ByteArrayInputStream(bytes), inflater, 1024), loader)) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot restore a value: class not found: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader == null ? getClass().getClassLoader() : loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }

    /** The serializer: a length, then the deflated Java-serialized bytes. */
    static final class Serializer<T extends Serializable> extends TypeSerializer<T> {

        private static final long serialVersionUID = 1L;

        private final Class<T> type;

        Serializer(Class<T> type) {
            this.type = type;
        }

        Class<T> type() {
            return type;
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<T> duplicate() {
            return this;
        }

        @Override
        public T createInstance() {
            return null;
        }

        @Override
        public T copy(T from) {
            if (from == null) {
                return null;
            }
            try {
                return type.cast(fromBytes(toBytes(from)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public T copy(T from, T reuse) {
            return copy(from);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(T record, DataOutputView target) throws IOException {
            byte[] bytes = toBytes(record);
            target.writeInt(bytes.length);
            target.write(bytes);
        }

        @Override
        public T deserialize(DataInputView source) throws IOException {
            byte[] bytes = new byte[source.readInt()];
            source.readFully(bytes);
            return type.cast(fromBytes(bytes));
        }

        @Override
        public T deserialize(T reuse, DataInputView source) throws IOException {
            return deserialize(source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            int length = source.readInt();
            target.writeInt(length);
            target.write(source, length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Serializer<?> other && other.type.equals(type);
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }

        @Override
        public TypeSerializerSnapshot<T> snapshotConfiguration() {
            return new Snapshot<>(type);
        }
    }

    /** The snapshot of a serializer: its class. */
    public static final class Snapshot<T extends Serializable>
            extends GenericTypeSerializerSnapshot<T, Serializer<T>> {

        /** For restoring. */
        public Snapshot() {
        }

        Snapshot(Class<T> type) {
            super(type);
        }

        @Override
        protected TypeSerializer<T> createSerializer(Class<T> type) {
            return new Serializer<>(type);
        }

        @Override
        protected Class<T> getTypeClass(Serializer<T> serializer) {
            return serializer.type();
        }

        @Override
        protected Class<?> serializerClass() {
            return Serializer.class;
        }
    }
}
