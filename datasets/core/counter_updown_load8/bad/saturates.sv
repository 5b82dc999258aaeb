module TopModule(input clk, input reset, input load, input en, input up, input [7:0] d,
                 output reg [7:0] q);
  always @(posedge clk) begin
    if (reset)     q <= 8'd0;
    else if (load) q <= d;
    else if (en) begin
      if (up && q != 8'hFF)      q <= q + 8'd1;
      else if (!up && q != 8'h00) q <= q - 8'd1;
    end
  end
endmodule
