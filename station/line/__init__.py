"""The station on a production line: triggers in, verdicts out, over OPC UA (``opcua_server``),
MQTT (``mqtt_link``) and Modbus TCP (``modbus_io``), each optional (``config``). ``hub`` ties
them to the window; ``outbox`` keeps every message until the other side has it; ``check`` is
``station line-test``; ``settings_flow`` the technician's dialog."""
