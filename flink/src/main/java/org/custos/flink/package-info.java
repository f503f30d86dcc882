/**
 * The Custos detectors as an Apache Flink job (file and Kafka sources).
 */
package org.custos.flink;
