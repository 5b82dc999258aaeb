module TopModule(input clk, input reset, input in_valid, input [63:0] in_flat,
                 output reg out_valid, output reg [10:0] sum);
  reg v1, v2;
  reg [8:0] p0, p1, p2, p3;
  reg [8:0] q0, q1;                     // too narrow: the carry of the second level is lost

  always @(posedge clk) begin
    if (reset) begin
      v1 <= 1'b0; v2 <= 1'b0; out_valid <= 1'b0;
      p0 <= 9'd0; p1 <= 9'd0; p2 <= 9'd0; p3 <= 9'd0;
      q0 <= 9'd0; q1 <= 9'd0;
      sum <= 11'd0;
    end else begin
      v1 <= in_valid;
      if (in_valid) begin
        p0 <= {1'b0, in_flat[7:0]}   + {1'b0, in_flat[15:8]};
        p1 <= {1'b0, in_flat[23:16]} + {1'b0, in_flat[31:24]};
        p2 <= {1'b0, in_flat[39:32]} + {1'b0, in_flat[47:40]};
        p3 <= {1'b0, in_flat[55:48]} + {1'b0, in_flat[63:56]};
      end
      v2 <= v1;
      if (v1) begin
        q0 <= p0 + p1;
        q1 <= p2 + p3;
      end
      out_valid <= v2;
      if (v2) sum <= {2'b0, q0} + {2'b0, q1};
    end
  end
endmodule
