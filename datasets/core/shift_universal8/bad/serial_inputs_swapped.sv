module TopModule(input clk, input reset, input [1:0] mode, input [7:0] d, input lsb_in,
                 input msb_in, output reg [7:0] q);
  always @(posedge clk) begin
    if (reset) q <= 8'h00;
    else case (mode)
      2'b00: q <= q;
      2'b01: q <= {q[6:0], msb_in};
      2'b10: q <= {lsb_in, q[7:1]};
      2'b11: q <= d;
    endcase
  end
endmodule
