module TopModule(input clk, input reset, input in_valid, input clear, input [7:0] a,
                 input [7:0] b, output reg out_valid, output reg [19:0] acc);
  reg [7:0] a1, b1;
  reg v1, v2;
  reg [15:0] p2;

  always @(posedge clk) begin
    if (reset) begin
      v1 <= 1'b0; v2 <= 1'b0;
      a1 <= 8'd0; b1 <= 8'd0; p2 <= 16'd0;
      acc <= 20'd0;
      out_valid <= 1'b0;
    end else begin
      a1 <= a; b1 <= b; v1 <= in_valid;
      p2 <= a1 * b1; v2 <= v1;
      if (clear) acc <= 20'd0;                 // clear applied at once, not in order
      else if (v2) acc <= acc + {4'd0, p2};
      out_valid <= v2;
    end
  end
endmodule
