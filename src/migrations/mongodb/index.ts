// MongoDB stores documents schemalessly; Payload builds its indexes on connect. Data migrations go here.
export const migrations = []
