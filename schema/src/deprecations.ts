import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { coordinatesUnder } from './operation-usage';
import type { OperationUsage } from './registry';

/** A deprecated field, argument, input field or enum value, and the recorded operations still using it. */
export interface DeprecatedInUse {
  coordinate: string;
  reason: string;
  usage: OperationUsage[];
}

/** Every deprecated member of the API schema with the recorded usage of it (empty when unused). */
export function deprecationReport(apiSdl: string, usage: readonly OperationUsage[]): DeprecatedInUse[] {
  const schema = buildSchema(apiSdl);
  const deprecated: Array<{ coordinate: string; reason: string }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason) deprecated.push({ coordinate: `${type.name}.${field.name}`, reason: field.deprecationReason });
        for (const argument of field.args) {
          if (argument.deprecationReason) deprecated.push({ coordinate: `${type.name}.${field.name}(${argument.name}:)`, reason: argument.deprecationReason });
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason) deprecated.push({ coordinate: `${type.name}.${field.name}`, reason: field.deprecationReason });
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (value.deprecationReason) deprecated.push({ coordinate: `${type.name}.${value.name}`, reason: value.deprecationReason });
      }
    }
  }
  return deprecated
    .map(({ coordinate, reason }) => {
      // A deprecated field is in use whatever arguments it is called with; an argument only when given.
      const matches = coordinate.endsWith(':)') ? (candidate: string) => candidate === coordinate : coordinatesUnder(coordinate);
      return { coordinate, reason, usage: usage.filter((entry) => entry.coordinates.some(matches)) };
    })
    .sort((a, b) => b.usage.length - a.usage.length || a.coordinate.localeCompare(b.coordinate));
}
