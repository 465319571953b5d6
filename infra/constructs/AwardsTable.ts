import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { AWARDS_TABLE } from '../../functions/definitions/awardsTable.js';

const attributeType = (type: 'S' | 'N' | 'B') =>
  type === 'S' ? AttributeType.STRING : type === 'N' ? AttributeType.NUMBER : AttributeType.BINARY;

/**
 * The awards table, from the definition the local stack uses too: on-demand, point-in-time
 * recovery, the stream the render function reads, deletion protection, kept on stack deletion.
 */
export class AwardsTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: { retain: boolean }) {
    super(scope, id);
    const { partitionKey, indexes, streamView, timeToLiveAttribute } = AWARDS_TABLE;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: partitionKey.name, type: attributeType(partitionKey.type) },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: StreamViewType[streamView],
      timeToLiveAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey.name, type: attributeType(index.partitionKey.type) },
        sortKey: { name: index.sortKey.name, type: attributeType(index.sortKey.type) },
      });
    }
  }
}
